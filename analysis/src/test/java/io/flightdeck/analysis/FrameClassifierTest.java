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
        // the sample's main class is io.flightdeck.samples.scenario.Scenario: its family is the application, and
        // code outside it is library code whether or not a list knows its package
        assertThat(c.applicationPackage()).isEqualTo("io.flightdeck.samples.");
        assertThat(c.classify("io.flightdeck.samples.scenario.CatalogSearch")).isEqualTo(FrameKind.APPLICATION);
        assertThat(c.classify("com.acme.billing.Invoice")).isEqualTo(FrameKind.LIBRARY);
        assertThat(c.classify("at.favre.lib.crypto.bcrypt.BCrypt")).isEqualTo(FrameKind.LIBRARY);
        assertThat(c.classify("io.flightdeck.samples.scenario.CatalogSearch$$Lambda/0x000001d0010a2b38"))
                .isEqualTo(FrameKind.JDK);
        assertThat(c.classify("0x0000000060049000")).isEqualTo(FrameKind.JDK);
    }

    @Test
    void familiesOfMainClasses() {
        assertThat(FrameClassifier.family("com.acme.billing.Main")).isEqualTo("com.acme.");
        assertThat(FrameClassifier.family("acme.Main")).isEqualTo("acme.");
        assertThat(FrameClassifier.family("Main")).isEqualTo("");
        // two segments that name a library family are too broad: the application is one level down
        assertThat(FrameClassifier.family("com.google.myteam.tool.Main")).isEqualTo("com.google.myteam.");
        assertThat(FrameClassifier.mainPackage("Tool.java bad")).isNull();
    }

    @Test
    void lambdaBodiesAreNamedByTheirEnclosingMethod() {
        assertThat(FrameClassifier.enclosingMethodName("lambda$totalDiscounts$3")).isEqualTo("totalDiscounts");
        assertThat(FrameClassifier.enclosingMethodName("lambda$static$0")).isEqualTo("lambda$static$0");
        assertThat(FrameClassifier.enclosingMethodName("render")).isEqualTo("render");
    }
}
