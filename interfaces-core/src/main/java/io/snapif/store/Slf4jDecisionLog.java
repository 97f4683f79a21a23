package io.snapif.store;

import io.snapif.spi.DecisionLog;
import io.snapif.spi.DecisionRecord;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DecisionLog} that logs each decision as one line of JSON (the format of {@link
 * JsonLinesDecisionLog}) at INFO to the SLF4J logger {@value #LOGGER}, for applications that
 * collect their logs anyway. Thread-safe as the SLF4J binding is.
 */
public final class Slf4jDecisionLog implements DecisionLog {
  /** The logger's name. */
  public static final String LOGGER = "io.snapif.decisions";

  private final Logger logger;

  /** Logs to {@value #LOGGER}. */
  public Slf4jDecisionLog() {
    this(LoggerFactory.getLogger(LOGGER));
  }

  /** Logs to {@code logger} (for tests). */
  Slf4jDecisionLog(Logger logger) {
    this.logger = logger;
  }

  @Override
  public void record(List<DecisionRecord> decisions) {
    if (logger.isInfoEnabled()) {
      decisions.forEach(r -> logger.info(DecisionLines.json(r)));
    }
  }
}
