package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupWarmerTest {

  @Test
  void subcommand_isTheClassOfTheCommandBuiltAlone() {
    assertThat(ForensicsCli.subcommand("hash")).isEqualTo(HashCommand.class);
    assertThat(ForensicsCli.subcommand("custody")).isEqualTo(CustodyCommand.class);
    // help and completion need every command; anything else is not a subcommand
    assertThat(ForensicsCli.subcommand("help")).isNull();
    assertThat(ForensicsCli.subcommand("completion")).isNull();
    assertThat(ForensicsCli.subcommand("--version")).isNull();
    assertThat(ForensicsCli.subcommand("")).isNull();
  }

  @Test
  void openSslIsLoadedAhead_onlyForRunsThatHashFiles() {
    assertThat(StartupWarmer.hashes(new String[] {"hash", "evidence"})).isTrue();
    assertThat(StartupWarmer.hashes(new String[] {"verify", "case.hashdeep"})).isTrue();
    assertThat(StartupWarmer.hashes(new String[] {"triage", "evidence"})).isTrue();
    assertThat(StartupWarmer.hashes(new String[] {"triage", "--types-only", "evidence"})).isFalse();
    assertThat(StartupWarmer.hashes(new String[] {"custody", "verify"})).isFalse();
    assertThat(StartupWarmer.hashes(new String[] {})).isFalse();
  }

  @Test
  void warm_returnsAndPrintsNothing_forAnyFirstArgument() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try {
      System.setOut(capture);
      System.setErr(capture);
      for (String first : List.of("hash", "verify", "image", "custody", "triage", "exercise", "grade", "help",
          "completion", "--version", "", "no-such-command", "../../etc/passwd")) {
        StartupWarmer.warm(first, StartupWarmer.hashes(new String[] {first}));
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
