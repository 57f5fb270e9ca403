package dev.mailcert.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing a check's report tree as JSON, steady state, as a scan or the web service does for every
 * result: {@link PrettyJson} (what {@code JsonReport} uses now) against the ObjectMapper with
 * INDENT_OUTPUT it replaced, on the same tree (the seed scenario's check, 13 endpoints).
 * JVM options as the launcher gives scan and serve: the serial collector, C1 only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
public class ReportJsonBenchmark {
    private JsonNode tree;
    private ObjectMapper mapper;

    @Setup
    public void readTheSeedChecksReport() throws IOException {
        try (InputStream in = ReportJsonBenchmark.class.getResourceAsStream("/seed-check.json")) {
            tree = new ObjectMapper().readTree(in);
        }
        mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        if (!PrettyJson.write(tree).equals(mapper.writeValueAsString(tree))) {
            throw new IllegalStateException("the two writers must give the same bytes");
        }
    }

    @Benchmark
    public String prettyJson() {
        return PrettyJson.write(tree);
    }

    @Benchmark
    public String objectMapper() throws IOException {
        return mapper.writeValueAsString(tree);
    }
}
