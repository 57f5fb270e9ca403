package dev.mailcert;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses the engine may connect to. Every address is checked after it is resolved and
 * before the connection, and the connection goes to that checked address, never to a name
 * resolved again (so DNS rebinding cannot slip past). A web service that checks names its users
 * type refuses internal addresses; the command line allows every address.
 */
@FunctionalInterface
public interface AddressPolicy {

    /** Every address allowed. */
    AddressPolicy ANY = address -> Optional.empty();

    /** Empty when the engine may connect to {@code address}; otherwise why not, in plain words. */
    Optional<String> refusal(InetAddress address);
}
