package dev.forensics.grading;

/**
 * Why a question earned what it earned, or what was wrong with a submission. Each reason has an {@link
 * #id()} that front ends use to look up the student-readable text (the CLI: {@code grade.reason.ID} in its
 * resource bundle) and a fixed list of arguments, documented per constant.
 */
public enum Reason {
  /** The answer is right. No arguments. */
  CORRECT("correct"),
  /** No answer was given. No arguments. */
  BLANK("blank"),
  /** The answer sheet had a problem with this answer: {0} the line (0 unknown), {1} the problem. */
  SHEET_PROBLEM("sheet-problem"),

  /** Not a hash: {0} the text given (shortened). */
  HASH_NOT_HEX("hash-not-hex"),
  /** A hash of another algorithm: {0} the algorithm the answer looks like, {1} the one asked for. */
  HASH_WRONG_ALGORITHM("hash-wrong-algorithm"),
  /** A hash of the right algorithm that does not match: {0} the hash given, {1} the expected hash. */
  HASH_MISMATCH("hash-mismatch"),
  /** The hash given is that of another planted file: {0} the hash given, {1} that file's path. */
  HASH_OTHER_FILE("hash-other-file"),
  /** The hash was taken from a manifest in the submission: {0} the manifest, {1} the entry's path. */
  HASH_FROM_MANIFEST("hash-from-manifest"),

  /** Set score: {0} correct items, {1} expected items, {2} items given, {3} precision %, {4} recall %. */
  SET_SCORE("set-score"),
  /** Expected items not given: {0} the list. */
  SET_MISSED("set-missed"),
  /** Items given that are not expected: {0} the list. */
  SET_FALSE_ALARMS("set-false-alarms"),
  /** The set was taken from the triage export: {0} the export's name, {1} the number of flagged files. */
  SET_FROM_TRIAGE("set-from-triage"),

  /** Not a whole number: {0} the text given. */
  COUNT_NOT_NUMBER("count-not-number"),
  /** A number outside the tolerance: {0} given, {1} expected, {2} tolerance. */
  COUNT_OFF("count-off"),

  /** Not a date and time: {0} the text given. */
  TIME_UNPARSEABLE("time-unparseable"),
  /** A time without zone where the question requires one: {0} the text given. */
  TIME_NO_ZONE("time-no-zone"),
  /** A time outside the window: {0} the answer in UTC, {1} the expected time in UTC, {2} the window, {3} the difference. */
  TIME_OUTSIDE_WINDOW("time-outside-window"),
  /** A time without zone was read in the assumed zone: {0} the zone. */
  TIME_ZONE_ASSUMED("time-zone-assumed"),

  /** A text answer that is not accepted: {0} the text given. */
  TEXT_WRONG("text-wrong"),

  /** Recovered files matched: {0} matched, {1} expected. */
  RECOVERED_SCORE("recovered-score"),
  /** Expected files not recovered: {0} the list of artifacts (with their paths). */
  RECOVERED_MISSED("recovered-missed"),
  /** No recovered files were handed in: {0} the folder looked for. */
  RECOVERED_NONE("recovered-none"),

  /** No custody ledger in the submission. No arguments. */
  CUSTODY_NO_LEDGER("custody-no-ledger"),
  /** The ledger cannot be read as a ledger: {0} file, {1} reason. */
  CUSTODY_NOT_LEDGER("custody-not-ledger"),
  /** No public key handed in, so the signatures cannot be checked against the student's key: {0} the ledger. */
  CUSTODY_NO_KEY("custody-no-key"),
  /** No entry of the ledger is signed by a key handed in: {0} the names of the keys handed in. */
  CUSTODY_NOT_SIGNED_BY_STUDENT("custody-not-signed-by-student"),
  /** Verification failed: {0} line, {1} problem kind, {2} message. */
  CUSTODY_BROKEN("custody-broken"),
  /** The ledger verifies: {0} entries, {1} the signers. */
  CUSTODY_INTACT("custody-intact"),
  /** A required step is missing (or out of order): {0} the step, {1} the step before it ("" for the first). */
  CUSTODY_STEP_MISSING("custody-step-missing"),
  /** No recorded hash can be compared with the evidence's: {0} the algorithms of the key. */
  CUSTODY_NO_HASHES("custody-no-hashes"),
  /** A recorded hash differs from the evidence's: {0} item, {1} algorithm, {2} recorded, {3} expected. */
  CUSTODY_HASH_MISMATCH("custody-hash-mismatch"),

  /** A file was refused because it is a symbolic link: {0} the file. */
  FILE_SYMLINK("file-symlink"),
  /** A file was refused because it is too large: {0} the file, {1} its size, {2} the limit. */
  FILE_TOO_LARGE("file-too-large"),
  /** A name that would leave the submission folder, or is not a plain relative path: {0} the name. */
  FILE_UNSAFE_NAME("file-unsafe-name"),
  /** A named file does not exist: {0} the name. */
  FILE_NOT_FOUND("file-not-found"),
  /** A file could not be read: {0} the file, {1} the reason. */
  FILE_UNREADABLE("file-unreadable"),
  /** A file is not a regular file (device, pipe, folder): {0} the file. */
  FILE_NOT_REGULAR("file-not-regular"),
  /** An archive in the submission is not unpacked: {0} the file. */
  FILE_ARCHIVE_IGNORED("file-archive-ignored"),
  /** Too many files in a folder; the rest were not read: {0} the folder, {1} the limit. */
  FILE_TOO_MANY("file-too-many"),
  /** A file that is neither answer sheet, manifest, ledger, key, triage export nor recovered file: {0}. */
  FILE_NOT_RECOGNISED("file-not-recognised"),
  /** A manifest with lines that could not be read: {0} the file, {1} the number of problems. */
  MANIFEST_PROBLEMS("manifest-problems"),

  /** No answer sheet in the submission. {0} the names looked for. */
  SHEET_MISSING("sheet-missing"),
  /** The sheet names another exercise: {0} the sheet's, {1} the key's. */
  SHEET_OTHER_EXERCISE("sheet-other-exercise"),
  /** The sheet names another variant: {0} the sheet's, {1} the key's. */
  SHEET_OTHER_VARIANT("sheet-other-variant"),
  /** The submission folder is empty or not a folder: {0} the folder. */
  SUBMISSION_EMPTY("submission-empty"),
  /** Grading this item took longer than the time limit: {0} the limit. */
  TIME_LIMIT("time-limit");

  private final String id;

  Reason(String id) {
    this.id = id;
  }

  /** Stable lower-case id with hyphens, e.g. {@code hash-mismatch}. */
  public String id() {
    return id;
  }
}
