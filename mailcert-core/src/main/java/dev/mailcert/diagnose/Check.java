package dev.mailcert.diagnose;

import dev.mailcert.Deadline;

/**
 * The whole diagnosis of one mail domain: resolve, probe, assess, search for alternative names
 * on the same server and verify them. Every DNS question and probe runs on its own virtual thread
 * under one deadline, so a check takes about as long as its longest chain of dependent steps
 * (address → handshake → names in the certificate → their addresses → handshake with that name).
 * Programs use it through the engine, {@code dev.mailcert.engine.Mailcert}, which wires the services.
 */
public final class Check {

    private Check() {}

    /** Diagnoses {@code request} with {@code services}; ends by {@code deadline} (plus a short grace). */
    public static Diagnosis run(
            CheckServices services, CheckRequest request, CheckSettings settings, Deadline deadline) {
        return new CheckRun(services, request, settings, deadline).diagnose();
    }
}
