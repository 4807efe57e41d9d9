package dev.forensics.cli;

/** Report formats of commands that print results: a human table, or machine-readable JSON or CSV. */
enum OutputFormat {
  text,
  json,
  csv
}
