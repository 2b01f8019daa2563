package io.webserv.status;

import org.junit.jupiter.api.Test;

import static io.webserv.status.Snapshots.START;
import static org.assertj.core.api.Assertions.assertThat;

class StatusPageTest {

    @Test
    void textHasOneCounterPerLineStatusesInOrder() {
        assertThat(StatusPage.text(Snapshots.sample(), START.plusSeconds(90))).isEqualTo("""
                uptime_seconds: 90
                connections_open: 3
                connections_accepted: 1200
                connections_rejected: 7
                requests: 5321
                bytes_sent: 987654
                bytes_in: 100000
                bytes_out: 2000000
                responses_200: 5300
                responses_400: 1
                responses_404: 20
                timeouts_header: 2
                timeouts_body: 0
                timeouts_keep_alive: 9
                timeouts_send: 0
                timeouts_cgi: 1
                cgi_running: 1
                """);
    }

    @Test
    void jsonIsOneObjectWithEveryGroup() {
        assertThat(StatusPage.json(Snapshots.sample(), Snapshots.jvm(), START.plusSeconds(90))).isEqualTo(
                "{\"time_ms\":" + START.plusSeconds(90).toEpochMilli() + ",\"uptime_seconds\":90,"
                        + "\"connections\":{\"open\":3,\"accepted\":1200,\"rejected\":7},\"requests\":5321,"
                        + "\"bytes_sent\":987654,\"bytes\":{\"in\":100000,\"out\":2000000},"
                        + "\"responses\":{\"200\":5300,\"400\":1,\"404\":20},"
                        + "\"requests_by_method\":{\"GET\":5320,\"HEAD\":0,\"POST\":0,\"PUT\":0,\"DELETE\":0,\"other\":1},"
                        + "\"requests_by_class\":{\"1xx\":0,\"2xx\":5300,\"3xx\":0,\"4xx\":21,\"5xx\":0},"
                        + "\"requests_by_method_and_class\":{\"GET\":{\"1xx\":0,\"2xx\":5300,\"3xx\":0,\"4xx\":20,\"5xx\":0},"
                        + "\"HEAD\":{\"1xx\":0,\"2xx\":0,\"3xx\":0,\"4xx\":0,\"5xx\":0},"
                        + "\"POST\":{\"1xx\":0,\"2xx\":0,\"3xx\":0,\"4xx\":0,\"5xx\":0},"
                        + "\"PUT\":{\"1xx\":0,\"2xx\":0,\"3xx\":0,\"4xx\":0,\"5xx\":0},"
                        + "\"DELETE\":{\"1xx\":0,\"2xx\":0,\"3xx\":0,\"4xx\":0,\"5xx\":0},"
                        + "\"other\":{\"1xx\":0,\"2xx\":0,\"3xx\":0,\"4xx\":1,\"5xx\":0}},"
                        + "\"duration_seconds\":{\"bounds\":[0.0005,0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10],"
                        + "\"counts\":[5000,0,300,0,0,0,0,0,0,0,0,0,0,0,21],\"sum\":12.5,\"count\":5321,"
                        + "\"p50\":0.00026605,\"p99\":0.00233895},"
                        + "\"timeouts\":{\"header\":2,\"body\":0,\"keep_alive\":9,\"send\":0,\"cgi\":1},"
                        + "\"parse_errors\":{\"400\":1},\"cgi\":{\"running\":1,\"spawned\":4,\"killed\":1},"
                        + "\"jvm\":{\"heap_used\":1000,\"heap_committed\":2000,\"heap_max\":4000,"
                        + "\"gc\":[{\"name\":\"G1 \\\"Young\\\"\\\\Gen\",\"collections\":3,\"seconds\":0.012}]}}\n");
    }
}
