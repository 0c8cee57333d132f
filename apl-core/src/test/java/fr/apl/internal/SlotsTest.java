package fr.apl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SlotsTest {

  @Test
  void groupsTakeTheirSlotsInOrderRowByRow() {
    // Two groups, three rows: group 0 has 2, 0, 1 entries; group 1 has 1, 3, 0.
    int[][] count = {{0, 2, 0, 1}, {0, 1, 3, 0}};
    int[] start = Slots.firstSlots(count, 3);
    assertArrayEquals(new int[] {0, 3, 6, 7}, start);
    // Row 0: group 0 at 0-1, group 1 at 2; row 1: group 1 at 3-5; row 2: group 0 at 6.
    assertArrayEquals(new int[] {0, 3, 6, 1}, count[0]);
    assertArrayEquals(new int[] {2, 3, 7, 0}, count[1]);
  }
}
