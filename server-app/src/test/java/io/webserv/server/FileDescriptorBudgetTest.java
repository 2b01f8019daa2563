package io.webserv.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileDescriptorBudgetTest {

    @Test
    void keepsTheConfiguredCapWhenTheLimitHasRoom() {
        assertThat(FileDescriptorBudget.connectionsAllowed(10_000, 1_048_576, 40)).isEqualTo(10_000);
    }

    @Test
    void lowersTheCapToTwoDescriptorsPerConnectionAfterTheReserve() {
        // 1024 - 40 open - 32 reserve - 32 for the file cache's descriptors = 920 free, two per connection
        assertThat(FileDescriptorBudget.connectionsAllowed(10_000, 1024, 40)).isEqualTo(460);
    }

    @Test
    void letsTheFileCacheKeepOneDescriptorInThirtyTwoAtMost128() {
        assertThat(FileDescriptorBudget.cachedFiles(256)).isEqualTo(8);
        assertThat(FileDescriptorBudget.cachedFiles(1024)).isEqualTo(32);
        assertThat(FileDescriptorBudget.cachedFiles(1_048_576)).isEqualTo(128);
    }

    @Test
    void neverGoesBelowOneConnection() {
        assertThat(FileDescriptorBudget.connectionsAllowed(10_000, 64, 60)).isEqualTo(1);
    }

    @Test
    void tellsForThisProcess() {
        assertThat(FileDescriptorBudget.forThisProcess(5)).isBetween(1, 5);
    }
}
