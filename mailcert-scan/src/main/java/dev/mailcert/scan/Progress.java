package dev.mailcert.scan;

import java.util.Map;

/**
 * What a person sees while a scan runs. {@link #start} gives the number of targets and those
 * already finished (by an earlier run, per verdict); {@link #finished} is called once per target
 * checked now, from any thread.
 */
public interface Progress extends AutoCloseable {

    Progress NONE = new Progress() {
        @Override
        public void start(long total, Map<String, Long> done) {}

        @Override
        public void finished(String verdict) {}

        @Override
        public void close() {}
    };

    void start(long total, Map<String, Long> done);

    void finished(String verdict);

    @Override
    void close();
}
