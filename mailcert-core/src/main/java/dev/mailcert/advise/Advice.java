package dev.mailcert.advise;

import java.util.List;

/**
 * What to tell the person: the verdict, the settings per protocol, a headline, the reasons in
 * plain words ({@code why}) and, where the provider must act, what to ask them ({@code askProvider}).
 */
public record Advice(Verdict verdict, String headline, List<Recommendation> recommendations, List<String> why,
                     List<String> askProvider) {

    public Advice {
        recommendations = List.copyOf(recommendations);
        why = List.copyOf(why);
        askProvider = List.copyOf(askProvider);
    }
}
