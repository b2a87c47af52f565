package io.tokengovernor.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

class ServerUnreachableTest {

    @Test
    void anUnresolvableHostIsCalledUnknownHost() {
        ConnectException failure = new ConnectException();
        failure.initCause(new UnresolvedAddressException());

        assertThat(ServerUnreachable.reasonFor(failure)).isEqualTo("unknown host");
    }

    @Test
    void aConnectTimeoutIsCalledTimedOut() {
        ConnectException failure = new ConnectException();
        failure.initCause(new HttpConnectTimeoutException("HTTP connect timed out"));

        assertThat(ServerUnreachable.reasonFor(failure)).isEqualTo("timed out");
        assertThat(ServerUnreachable.reasonFor(new HttpConnectTimeoutException("x"))).isEqualTo("timed out");
    }

    @Test
    void otherFailuresKeepTheirMessage() {
        assertThat(ServerUnreachable.reasonFor(new IOException("connection reset"))).isEqualTo("connection reset");
    }
}
