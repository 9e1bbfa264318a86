package io.flightdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The build explains itself: an older JDK on the path reaches the enforcer's "needs JDK 25, found N" instead of
 * dying on a JVM option it does not know, and a clone without ../shared says why tests are skipped.
 */
class BuildSetupTest {
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    @Test
    void mavensJvmOptionsAreAcceptedByOlderJdks() throws Exception {
        List<String> options = Files.readAllLines(ROOT.resolve(".mvn/jvm.config")).stream()
                .flatMap(l -> java.util.Arrays.stream(l.strip().split("\\s+"))).filter(s -> !s.isEmpty()).toList();
        // launcher options such as --sun-misc-unsafe-memory-access stop a JDK 17 before Maven starts
        assertThat(options).allSatisfy(o -> assertThat(o).startsWith("-D"));
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
        if (Files.isExecutable(jdk17)) {
            List<String> command = new java.util.ArrayList<>(List.of(jdk17.toString()));
            command.addAll(options);
            command.add("-version");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
        }
    }

    @Test
    void theEnforcerNamesTheJdkItFoundAndTheBuildSaysWhyCorpusTestsSkip() throws Exception {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        assertThat(pom).contains("needs JDK 25 to build, found JDK ${java.version}");
        assertThat(pom).contains("say-why-corpus-tests-skip").contains("${project.basedir}/../shared/corpus");
    }
}
