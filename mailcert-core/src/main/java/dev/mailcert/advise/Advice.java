package dev.mailcert.advise;

import java.util.List;

/**
 * What to tell the person: the verdict, the settings per protocol, a headline, the reasons in
 * plain words ({@code why}), where the provider must act, what to ask them ({@code askProvider}), and
 * the paths mail clients take to find their server, with whether each leads to a warning.
 */
public record Advice(
        Verdict verdict,
        String headline,
        List<Recommendation> recommendations,
        List<String> why,
        List<String> askProvider,
        List<ClientPath> clientPaths) {

    public Advice {
        recommendations = List.copyOf(recommendations);
        why = List.copyOf(why);
        askProvider = List.copyOf(askProvider);
        clientPaths = List.copyOf(clientPaths);
    }
}
