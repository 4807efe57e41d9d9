/**
 * Known-file hash sets: loading NSRL RDS (v3 SQLite and 2.x), hashdeep, checksum-list and HashKeeper
 * sets, and looking files up in them.
 *
 * <p>A {@link dev.forensics.knownfiles.KnownFileSet} is either {@linkplain
 * dev.forensics.knownfiles.HashSetKind#KNOWN known} (ignorable, such as the NSRL) or {@linkplain
 * dev.forensics.knownfiles.HashSetKind#NOTABLE notable}; a {@link
 * dev.forensics.knownfiles.KnownFileLibrary} consults several and rates a file notable if any notable set
 * lists it. Matching uses the strongest algorithm the file and a set's entries both have, so a file hashed
 * only with MD5 is never checked against a SHA-256-only set (and is reported as not comparable, not as a
 * match).
 *
 * <p>Sets are compact: sorted fixed-width digests in large {@code long} arrays, about the digest length
 * per entry (a million SHA-256 entries take about 32 MB). File names are kept for checksum lists, hashdeep
 * and HashKeeper sets (packed UTF-8, unless {@link dev.forensics.knownfiles.LoadOptions.NameRetention#DROP}
 * is chosen) and never for NSRL sets, where one hash stands for many names and the sets are large.
 */
package dev.forensics.knownfiles;
