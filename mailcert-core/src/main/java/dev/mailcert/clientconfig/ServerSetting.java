package dev.mailcert.clientconfig;

import dev.mailcert.probe.Protocol;

/**
 * One server entry of a client configuration: protocol, host name as written (not yet validated:
 * it may come from the network), port and socket type.
 */
public record ServerSetting(Protocol protocol, String host, int port, SocketType socketType) {}
