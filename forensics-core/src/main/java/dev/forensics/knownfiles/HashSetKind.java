package dev.forensics.knownfiles;

/**
 * What a match against a hash set means, as Autopsy classifies sets.
 */
public enum HashSetKind {
  /**
   * Files that can be ignored because they are known to come from ordinary software, such as the NSRL
   * RDS. A match says "known", not "good": known tools can still be relevant to a case.
   */
  KNOWN,
  /** Files that call for attention: malware, contraband, tools of interest. */
  NOTABLE
}
