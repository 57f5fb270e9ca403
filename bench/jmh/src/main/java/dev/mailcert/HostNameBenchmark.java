package dev.mailcert;

import com.ibm.icu.text.IDNA;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing a typed host name, steady state, as a scan does for every line of its input:
 * {@link HostName#parse} (plain LDH ASCII skips ICU now, and labels are checked by a loop) against
 * what it did before (UTS #46 for every name, a pattern per label), for plain, mixed-case and
 * Unicode names.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
public class HostNameBenchmark {
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE
            | IDNA.USE_STD3_RULES
            | IDNA.CHECK_BIDI
            | IDNA.CHECK_CONTEXTJ);

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    @Param({"mail.customer.example", "Mail.Customer.Example.", "xn--strae-oqa.de", "straße.de"})
    public String name;

    @Benchmark
    public HostName parse() {
        return HostName.parse(name);
    }

    /** What {@code parse} did before: UTS #46 for every name, then a pattern per label, twice. */
    @Benchmark
    public String parseAsBefore() {
        String text = name.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(text, ascii, info);
        String value = ascii.toString().toLowerCase(Locale.ROOT);
        if (!validAsBefore(value) || value.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            throw new IllegalArgumentException(value);
        }
        if (!validAsBefore(value)) { // the record's constructor checked again
            throw new IllegalArgumentException(value);
        }
        return value;
    }

    private static boolean validAsBefore(String text) {
        if (text == null || text.isEmpty() || text.length() > 253) {
            return false;
        }
        for (String label : text.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
