/** See docs/architecture.md for the stage this package is and how it fits the pipeline. */
@NullMarked
package dev.mailcert.dns;

import org.jspecify.annotations.NullMarked;
