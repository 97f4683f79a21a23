package io.snapif.examples.cli;

import io.snapif.examples.scenario.EndpointText;
import io.snapif.manager.ChangeReport;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.ErrorKind;
import io.snapif.manager.Operation;
import io.snapif.manager.OperationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code snapif disconnect PLUG-OR-SLOT [SLOT] [--forget]}: as {@code snap disconnect}. */
@Command(name = "disconnect", mixinStandardHelpOptions = true,
    description = {"Disconnect a plug from a slot.", "",
        "  <snap>:<plug> <snap>:<slot>  disconnects that plug from that slot",
        "  <snap>:<plug-or-slot>        disconnects everything from it", "",
        "An auto-connection that is disconnected stays disconnected across refreshes; "
            + "--forget drops that memory so that a later refresh may connect it again.", ""})
final class DisconnectCommand extends ChangingCommand {
  @Spec CommandSpec spec;
  @Mixin RulesOption rules;

  @Override
  List<Path> rules() {
    return rules.files;
  }

  @Parameters(index = "0", paramLabel = "<snap>:<plug>")
  String first;

  @Parameters(index = "1", arity = "0..1", paramLabel = "<snap>:<slot>")
  String second;

  @Option(names = "--forget", description = "Forget remembered state about the given connection.")
  boolean forget;

  private static final String NOTHING = "No connections to disconnect\n";

  private Operation.Disconnect disconnect;
  private List<String> named;

  @Override
  void checkArguments() {
    disconnect = parse();
  }

  @Override
  Operation operation(InterfaceManager manager) {
    return disconnect;
  }

  @Override
  List<String> namedSnaps() {
    return named;
  }

  private Operation.Disconnect parse() {
    String[] a = parse(first);
    named = List.of(a[0]);
    if (second == null) {
      return new Operation.Disconnect(a[0], a[1], Optional.empty(), Optional.empty(), forget);
    }
    String[] b = parse(second);
    named = List.of(a[0], b[0]);
    return new Operation.Disconnect(a[0], a[1], Optional.of(b[0]), Optional.of(b[1]), forget);
  }

  private String[] parse(String text) {
    return EndpointText.strict(text).orElseThrow(
        () -> new ParameterException(spec.commandLine(), EndpointText.invalidStrict(text)));
  }

  @Override
  String applied(ChangeReport report, InterfaceManager manager) {
    return report.isEmpty() ? NOTHING : "";
  }

  /** Like snap, a plug or slot without connections is "nothing to do", not a failure. */
  @Override
  Optional<String> refusedButFine(OperationException e) {
    return second == null && e.kind() == ErrorKind.NOT_CONNECTED
        ? Optional.of(NOTHING) : Optional.empty();
  }
}
