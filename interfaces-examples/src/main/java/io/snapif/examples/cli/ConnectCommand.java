package io.snapif.examples.cli;

import io.snapif.examples.scenario.EndpointText;
import io.snapif.manager.ChangeReport;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code snapif connect PLUG [SLOT]}: as {@code snap connect}. */
@Command(name = "connect", mixinStandardHelpOptions = true,
    description = {"Connect a plug to a slot.", "",
        "  <snap>:<plug> <snap>:<slot>  connects the plug to that slot",
        "  <snap>:<plug> <snap>         to that snap's only slot of the plug's interface",
        "  <snap>:<plug>                to the system snap's slot of the interface", ""})
final class ConnectCommand extends ChangingCommand {
  @Spec CommandSpec spec;
  @Mixin RulesOption rules;

  @Parameters(index = "0", paramLabel = "<snap>:<plug>")
  String plug;

  @Parameters(index = "1", arity = "0..1", paramLabel = "<snap>:<slot>")
  String slot;

  @Override
  List<Path> rules() {
    return rules.files;
  }

  private Operation.Connect connect;
  private List<String> named;

  @Override
  void checkArguments() {
    connect = parse();
  }

  @Override
  Operation operation(InterfaceManager manager) {
    return connect;
  }

  @Override
  List<String> namedSnaps() {
    return named;
  }

  private Operation.Connect parse() {
    String[] p = EndpointText.strict(plug).orElseThrow(
        () -> new ParameterException(spec.commandLine(), EndpointText.invalidStrict(plug)));
    named = List.of(p[0]);
    if (slot == null) {
      return new Operation.Connect(p[0], p[1], Optional.empty(), Optional.empty());
    }
    String[] s = EndpointText.loose(slot).orElseThrow(
        () -> new ParameterException(spec.commandLine(), EndpointText.invalidLoose(slot)));
    named = List.of(p[0], s[0]);
    return new Operation.Connect(p[0], p[1], Optional.of(s[0]),
        s[1].isEmpty() ? Optional.empty() : Optional.of(s[1]));
  }

  @Override
  String applied(ChangeReport report, InterfaceManager manager) {
    return ""; // like snap: silence is success
  }
}
