package io.streamgate.platform.codes.control;

import io.streamgate.platform.refusal.control.RequestRefusedException;
import java.util.Map;

/**
 * An import with problems (nothing was stored; the answer lists them by line), or one that met
 * another storing some of its codes at the same moment.
 */
public class CodeImportRefusedException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  CodeImportRefusedException(CodeImports.Outcome outcome) {
    super(
        400,
        outcome.problemCount()
            + (outcome.problemCount() == 1 ? " problem" : " problems")
            + " found; nothing was imported.",
        Map.of("problems", outcome.problems(), "problemCount", outcome.problemCount()),
        null);
  }

  CodeImportRefusedException() {
    super(
        409,
        "Some of these codes were stored by another import at the same moment; nothing was"
            + " imported. Check the file again.");
  }
}
