/**
 * Mail client configuration files: reading what a domain publishes and writing what mailcert
 * verified.
 *
 * <ul>
 *   <li>{@link dev.mailcert.clientconfig.AutoconfigReader} and
 *       {@link dev.mailcert.clientconfig.AutoconfigWriter}: Thunderbird autoconfig
 *       (clientConfig 1.1), also read by K-9, FairEmail and Evolution.
 *   <li>{@link dev.mailcert.clientconfig.AutodiscoverReader} and
 *       {@link dev.mailcert.clientconfig.AutodiscoverWriter}: Outlook Autodiscover POX answers.
 *   <li>{@link dev.mailcert.clientconfig.MobileconfigWriter}: Apple configuration profiles (the tests
 *       read them back with their own property-list reader).
 * </ul>
 *
 * <p>Everything read here may come from an attacker. The readers refuse a DOCTYPE (the property
 * list reader accepts Apple's but never loads it), never resolve external entities or XInclude,
 * and bound the document to 1 MiB, 32 levels of nesting and 64 server entries; every failure is a
 * {@link dev.mailcert.clientconfig.ClientConfigException} with one line of explanation. The
 * writers use the JDK's XML writer, so every value is escaped, and write UTF-8.
 */
@NullMarked
package dev.mailcert.clientconfig;

import org.jspecify.annotations.NullMarked;
