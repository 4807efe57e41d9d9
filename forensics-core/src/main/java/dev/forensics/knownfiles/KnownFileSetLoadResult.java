package dev.forensics.knownfiles;

import java.util.List;
import java.util.Objects;

/**
 * A hash set read from a file, with every line that could not be used.
 *
 * @param set the entries that were understood
 * @param problems malformed lines, in file order; after 1,000 problems the list ends
 *     with one line-less problem counting the rest
 * @param entriesRead lines (or rows) accepted, duplicates included
 */
public record KnownFileSetLoadResult(KnownFileSet set, List<HashSetProblem> problems, long entriesRead) {

  /** Checks the set is present and copies the problems. */
  public KnownFileSetLoadResult {
    Objects.requireNonNull(set, "set");
    problems = List.copyOf(problems);
  }
}
