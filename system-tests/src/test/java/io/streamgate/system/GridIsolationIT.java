package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two StreamGates on one machine each keep a data grid of their own. */
@ExtendWith(StreamGateExtension.class)
class GridIsolationIT {

  @Test
  void aSecondInstanceDoesNotJoinTheFirstOnesDataGrid(LaunchedStreamGate first) {
    try (LaunchedStreamGate second = LaunchedStreamGate.start("second", Map.of())) {
      JsonObject firstGrid = grid(first);
      JsonObject secondGrid = grid(second);
      assertEquals("1", firstGrid.getString("members"), "the first sees only itself");
      assertEquals("1", secondGrid.getString("members"), "the second sees only itself");
      assertNotEquals(firstGrid.getString("cluster"), secondGrid.getString("cluster"));
    }
  }

  private static JsonObject grid(LaunchedStreamGate streamGate) {
    JsonObject health = JsonBodies.parse(streamGate.get("/health/ready").body());
    return JsonBodies.check(health, "data-grid").orElseThrow().getJsonObject("data");
  }
}
