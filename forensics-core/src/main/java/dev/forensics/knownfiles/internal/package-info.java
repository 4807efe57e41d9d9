/** Storage behind known-file sets: sorted chunked digest tables and packed names. Not public API. */
package dev.forensics.knownfiles.internal;
