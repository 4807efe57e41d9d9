package dev.forensics.cli;

import dev.forensics.hash.MultiHasher;
import java.lang.reflect.Field;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Start-up work done on the second core while the main thread builds the command line: opening the
 * jar and reading the messages bundle, reading the annotations of the root command and of the
 * subcommand being run (picocli reads them next; the JDK parses each once and keeps it), for runs
 * that hash files loading OpenSSL's digests, and for {@code hash} and {@code verify} the JDK's digest
 * providers. It changes nothing a command can observe; it only fills caches sooner. The main thread
 * never waits for it: whatever it has not done yet, the main thread does as it always would. About
 * 15 ms of a 200 ms run (docs/performance.md).
 */
final class StartupWarmer {

  private StartupWarmer() {}

  /** Starts the work for a run with these arguments on a daemon thread, and returns at once. */
  static void start(String[] args) {
    String command = args.length > 0 ? args[0] : "";
    boolean hashes = hashes(args);
    Thread t = new Thread(() -> warm(command, hashes), "forensics-startup");
    t.setDaemon(true);
    t.start();
  }

  /** Whether a run with these arguments hashes files: {@code hash}, {@code verify}, {@code triage} without --types-only. */
  static boolean hashes(String[] args) {
    String command = args.length > 0 ? args[0] : "";
    return command.equals("hash") || command.equals("verify")
        || command.equals("triage") && !Arrays.asList(args).contains("--types-only");
  }

  /** The work itself, in the order the main thread needs it; never throws. */
  static void warm(String command, boolean hashes) {
    try {
      Messages.bundle();
      readAnnotations(ForensicsCli.class);
      Class<?> c = ForensicsCli.subcommand(command);
      if (c != null) {
        readAnnotations(c);
      }
      if (hashes) {
        MultiHasher.openSslVersion(); // loads libcrypto and runs its known-answer test
      }
      if (command.equals("hash") || command.equals("verify")) {
        for (String name : new String[] {"MD5", "SHA-1", "SHA-256"}) {
          MessageDigest.getInstance(name);
        }
      }
    } catch (NoSuchAlgorithmException | RuntimeException | LinkageError e) {
      // only a head start: the command itself meets and reports any problem
    }
  }

  /** The annotations of a command class, its fields, and its subcommands' and mixins' classes. */
  private static void readAnnotations(Class<?> root) {
    Deque<Class<?>> todo = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    todo.add(root);
    while (!todo.isEmpty()) {
      Class<?> c = todo.poll();
      if (!seen.add(c)) {
        continue;
      }
      Command command = c.getAnnotation(Command.class);
      if (command != null) {
        for (Class<?> sub : command.subcommands()) {
          todo.add(sub);
        }
      }
      for (Field f : c.getDeclaredFields()) {
        f.getAnnotations();
        if (f.isAnnotationPresent(Mixin.class)) {
          todo.add(f.getType());
        }
      }
    }
  }
}
