package dev.forensics.cli;

import dev.forensics.custody.Custodian;
import dev.forensics.custody.CustodianKeys;
import dev.forensics.custody.SigningKey;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code forensics custody}: the chain-of-custody ledger commands. */
@Command(
    name = "custody",
    mixinStandardHelpOptions = true,
    subcommands = {
      CustodyKeygenCommand.class,
      CustodyInitCommand.class,
      CustodyAddCommand.class,
      CustodyVerifyCommand.class,
      CustodyShowCommand.class,
      CustodyStatusCommand.class,
      CustodyRepairCommand.class,
      CustodyExportCommand.class
    })
final class CustodyCommand {

  /** Reads a private key, asking for its passphrase (environment variable, else the terminal) if it is encrypted. */
  static SigningKey readKey(CommandSpec spec, Path file, String passphraseEnv) throws IOException {
    try {
      return CustodianKeys.readPrivate(file, () -> passphrase(spec, passphraseEnv, file, false));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** A passphrase from the environment variable, else typed on the terminal (twice when {@code confirm}). */
  static char[] passphrase(CommandSpec spec, String env, Path file, boolean confirm) {
    if (env != null) {
      String v = System.getenv(env);
      if (v == null || v.isEmpty()) {
        throw new ParameterException(spec.commandLine(), Messages.get("custody.error.passphraseEnv", env));
      }
      return v.toCharArray();
    }
    Console c = System.console();
    if (c == null) {
      return null;
    }
    char[] p = c.readPassword("%s", Messages.get("custody.passphrase.prompt", file.getFileName()));
    if (confirm) {
      char[] again = c.readPassword("%s", Messages.get("custody.passphrase.again"));
      if (!java.util.Arrays.equals(p, again)) {
        throw new ParameterException(spec.commandLine(), Messages.get("custody.error.passphraseMismatch"));
      }
    }
    return p;
  }

  /** The custodians of a keys folder (every NAME.pub), none when no folder is given. */
  static List<Custodian> keysFolder(CommandSpec spec, Path dir) throws IOException {
    if (dir == null) {
      return List.of();
    }
    try {
      return new ArrayList<>(CustodianKeys.readFolder(dir));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
