package io.flightdeck.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameClassifierTest {
    @Test
    void theMainClassPackageIsTheApplication() {
        assertThat(FrameClassifier.mainPackage("com.example.orders.OrderJob bad")).isEqualTo("com.example.");
        assertThat(FrameClassifier.mainPackage("-jar app.jar")).isNull();
        assertThat(FrameClassifier.mainPackage("app.jar")).isNull();
        assertThat(FrameClassifier.mainPackage("Main")).isNull();
        assertThat(FrameClassifier.mainPackage("jdk.jfr.internal.tool.Main summary")).isNull();
    }

    @Test
    void jdkLibraryAndApplicationPackages() {
        FrameClassifier c = new FrameClassifier(Fixtures.sample("cpu-hotspot.jfr"));
        assertThat(c.classify("java.util.ArrayList")).isEqualTo(FrameKind.JDK);
        assertThat(c.classify("jdk.internal.misc.Unsafe")).isEqualTo(FrameKind.JDK);
        assertThat(c.classify("sun.nio.ch.SocketDispatcher")).isEqualTo(FrameKind.JDK);
        assertThat(c.classify("com.fasterxml.jackson.databind.ObjectMapper")).isEqualTo(FrameKind.LIBRARY);
        assertThat(c.classify("org.springframework.web.Foo")).isEqualTo(FrameKind.LIBRARY);
        assertThat(c.classify("com.acme.billing.Invoice")).isEqualTo(FrameKind.APPLICATION);
        // the sample's main class is io.flightdeck.samples.scenario.Scenario: io.flightdeck. is the application
        assertThat(c.classify("io.flightdeck.samples.scenario.CatalogSearch")).isEqualTo(FrameKind.APPLICATION);
    }
}
