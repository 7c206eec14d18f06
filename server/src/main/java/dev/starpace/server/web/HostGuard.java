package dev.starpace.server.web;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests whose Host header names a host this server was not started for. A page on another site can
 * point its own name at 127.0.0.1 (DNS rebinding) and then read the API as same-origin; its requests still carry
 * its own name as Host, so only the names the user chose are served: the bound address, the loopback names, and
 * those given with --allowed-host. A server bound to every interface also answers to any IP address.
 */
final class HostGuard {
    private final Set<String> names = new HashSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
    private final boolean anyAddress;

    HostGuard(String boundHost, List<String> allowedHosts) {
        names.add(normal(boundHost));
        allowedHosts.forEach(h -> names.add(normal(h)));
        anyAddress = boundHost.equals("0.0.0.0") || boundHost.equals("::") || boundHost.equals("[::]");
    }

    /** True when the Host header (name and optional port) names this server. */
    boolean allows(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String name = normal(withoutPort(hostHeader.trim()));
        return names.contains(name) || anyAddress && isIpLiteral(name);
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static String normal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    private static boolean isIpLiteral(String name) {
        return name.startsWith("[") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
