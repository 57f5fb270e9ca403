/**
 * The certificate engine behind {@code mailcert check} and {@code mailcert inspect}: does the
 * certificate a server sent cover the name the client asked for, and does it chain to a trusted
 * authority without breaking the rules?
 *
 * <ul>
 *   <li>Names ({@link dev.mailcert.cert.HostnameMatcher}, RFC 9525): only DNS and IP subject
 *       alternative names count, never the subject CN. A wildcard is the entire left-most label,
 *       covers exactly one label, never the domain itself, and needs two labels after it; partial
 *       wildcards cover nothing. Names compare case-insensitively as A-labels; IP addresses compare
 *       as addresses and only against IP entries.</li>
 *   <li>Paths ({@code PathBuilder}): issuers are searched among everything the server sent, in any
 *       order, and the trust anchors, by name, key identifier and signature; a path that reaches a
 *       trust anchor is preferred. Signatures are verified directly, so SHA-1 and short keys are
 *       classified rather than refused.</li>
 *   <li>Problems ({@link dev.mailcert.cert.CertificateProblem}): hostname-mismatch, expired,
 *       not-yet-valid, self-signed, untrusted-root, incomplete-chain, invalid-chain (RFC 5280: issuer
 *       not a CA, path length, expired issuer or anchor, broken signature, no keyCertSign, keyCertSign
 *       without CA, unrecognised or wrongly critical or malformed extensions, name constraints, DER the
 *       JDK refuses), weak-key (RSA below 2048 bits, EC below 256 bits, DSA), weak-signature (SHA-1,
 *       MD5), no-server-auth (extended key usage on the leaf or a CA). Every certificate on the path is
 *       judged, the trust anchor included (not its self-signature). Several problems are reported
 *       together.</li>
 *   <li>Every finding comes with a line in plain words ({@link dev.mailcert.cert.Assessment#explanation()}).</li>
 *   <li>Input is bounded: 4 MiB and 1000 certificates per file, 100 served certificates, paths of
 *       at most 20 certificates, a fixed budget of signature checks.</li>
 * </ul>
 */
@NullMarked
package dev.mailcert.cert;

import org.jspecify.annotations.NullMarked;
