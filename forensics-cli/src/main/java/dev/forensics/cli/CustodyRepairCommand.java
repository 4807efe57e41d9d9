package dev.forensics.cli;

import dev.forensics.custody.Ledger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics custody repair}: move a torn last line aside. */
@Command(name = "repair", mixinStandardHelpOptions = true, sortOptions = false)
final class CustodyRepairCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LEDGER", descriptionKey = "custody.ledger")
  Path ledger;

  @Override
  public Integer call() throws IOException {
    Ledger.Repair r = Ledger.repair(ledger, Clock.systemUTC());
    if (r.sideFile().isEmpty()) {
      spec.commandLine().getOut().println(Messages.get("custody.repair.nothing", ledger));
    } else {
      spec.commandLine().getOut().println(Messages.get("custody.repair.moved", r.tornBytes(), r.sideFile().get(), r.committedBytes()));
    }
    return ExitCodes.OK;
  }
}
