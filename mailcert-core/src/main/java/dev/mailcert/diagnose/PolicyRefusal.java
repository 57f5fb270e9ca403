package dev.mailcert.diagnose;

import dev.mailcert.HostName;
import java.net.InetAddress;

/** An address of {@code host} that the engine's address policy did not let it connect to, and why. */
public record PolicyRefusal(HostName host, InetAddress address, String reason) {}
