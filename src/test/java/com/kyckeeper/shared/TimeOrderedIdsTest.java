package com.kyckeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7UuidsThatSortByTimeAndDoNotRepeat() {
        UUID id = UUID.fromString(TimeOrderedIds.of(1_700_000_000_000L, ThreadLocalRandom.current()));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(1_700_000_000_000L);
        assertThat(TimeOrderedIds.of(1_700_000_000_000L, ThreadLocalRandom.current())).isLessThan(TimeOrderedIds.of(1_700_000_000_001L, ThreadLocalRandom.current()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(TimeOrderedIds.of(1_700_000_000_000L, ThreadLocalRandom.current()))).isTrue();
        }
        assertThat(TimeOrderedIds.unguessable()).hasSize(36);
        assertThat(UUID.fromString(TimeOrderedIds.unique()).version()).isEqualTo(7);
    }
}
