package dev.mailcert.cert;

/** One problem and the line that explains it to a person. */
record Finding(CertificateProblem problem, String explanation) {}
