package dev.mailcert.lab.link;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The round-trip time of the link between a check and the lab's servers, e.g. 40 ms for a server
 * across a continent. On loopback it is zero; the lab adds it back (see {@link LatencyRelay}) so
 * that a benchmark pays for round trips what a person pays over the internet.
 *
 * <pre>{@code
 * RoundTripTime rtt = RoundTripTime.parse("40ms"); // rtt.oneWay() is 20 ms
 * }</pre>
 */
public record RoundTripTime(Duration value) {
    /** Longer round trips than this are a mistake in a scenario, not a link. */
    public static final Duration MAX = Duration.ofSeconds(10);

    public static final RoundTripTime NONE = new RoundTripTime(Duration.ZERO);
    private static final Pattern TEXT = Pattern.compile("(\\d{1,5})\\s*(ms|s)?");

    public RoundTripTime {
        if (value.isNegative() || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(
                    "a round-trip time is between 0 and " + MAX.toMillis() + " ms, not " + value);
        }
    }

    /**
     * Reads "40ms", "1s" or "0" (milliseconds when no unit is given); IllegalArgumentException with one line
     * otherwise.
     */
    public static RoundTripTime parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a round-trip time such as 40ms or 1s, got '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        Duration value = "s".equals(m.group(2)) ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
        if (value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(
                    "expected a round-trip time of at most " + MAX.toMillis() + " ms, got '" + text + "'");
        }
        return new RoundTripTime(value);
    }

    /** Half the round trip: how long a byte takes from one end to the other. */
    public Duration oneWay() {
        return value.dividedBy(2);
    }

    public boolean isZero() {
        return value.isZero();
    }

    @Override
    public String toString() {
        return value.toMillis() + "ms";
    }
}
