/**
 * Scenarios: a system, the snaps it knows and a sequence of operations, run through an {@link
 * io.snapif.manager.InterfaceManager} step by step. Start from {@link
 * io.snapif.examples.scenario.ScenarioReader} (file to {@link
 * io.snapif.examples.scenario.Scenario}), {@link io.snapif.examples.scenario.ScenarioRunner}
 * (scenario to {@link io.snapif.examples.scenario.ScenarioResult}) and {@link
 * io.snapif.examples.scenario.ScenarioJson} (result to the JSON of the scenario format).
 * {@link io.snapif.examples.scenario.SnapDocuments} reads the documents a snap comes with
 * (snap.yaml, snap-declaration, gadget.yaml).
 */
@SnapifStyle
package io.snapif.examples.scenario;

import io.snapif.SnapifStyle;
