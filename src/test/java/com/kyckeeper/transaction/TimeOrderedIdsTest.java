package com.kyckeeper.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7UuidsThatSortByTimeAndDoNotRepeat() {
        UUID id = UUID.fromString(TimeOrderedIds.next(1_700_000_000_000L));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(1_700_000_000_000L);
        assertThat(TimeOrderedIds.next(1_700_000_000_000L)).isLessThan(TimeOrderedIds.next(1_700_000_000_001L));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(TimeOrderedIds.next(1_700_000_000_000L))).isTrue();
        }
        assertThat(TimeOrderedIds.next()).hasSize(36);
    }
}
