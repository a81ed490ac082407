package dev.campaignstudio.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module arrows of docs/architecture.md: server -> {core, media, providers}; media -> core; providers -> core; core -> nothing of ours. */
@AnalyzeClasses(
        packages = "dev.campaignstudio",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** Leaves out test fixtures shared as {@code *-tests.jar}: they may use whatever a test needs. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule coreHasNoFrameworkOrIo = noClasses()
            .that()
            .resideInAPackage("dev.campaignstudio.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta..",
                    "javax.sql..",
                    "java.sql..",
                    "org.flywaydb..",
                    "com.rabbitmq..",
                    "org.springframework.amqp..",
                    "java.net.http..",
                    "okhttp3..",
                    "org.apache.hc..",
                    "org.apache.http..",
                    "org.bytedeco..",
                    "org.opencv..",
                    "com.sun.speech..",
                    "javax.imageio..",
                    "java.awt..",
                    "tools.jackson..",
                    "com.fasterxml.jackson..")
            .because(
                    "studio-core is plain Java: contracts, pipelines, engine rules and ports; adapters live in the other modules");

    @ArchTest
    static final ArchRule noSamplesOrBenchmarksInProductionJars = noClasses()
            .should()
            .haveNameMatching("dev\\.campaignstudio\\.media\\.Sample.*")
            .orShould()
            .resideInAPackage("dev.campaignstudio..bench..")
            .because("drawn sample products live in studio-media's test scope and benchmarks in studio-bench "
                    + "(docs/architecture.md): neither ships in the application");

    @ArchTest
    static final ArchRule coreSlicesAreFreeOfCycles = slices().matching("dev.campaignstudio.core.(*)..")
            .should()
            .beFreeOfCycles()
            .because("core's packages layer one way (docs/architecture.md): ids and contracts, jobs and their steps, "
                    + "pipelines and capabilities, the engine, the application services and stages; a cycle makes "
                    + "every package in it one unit that cannot be read or changed alone");

    @ArchTest
    static final ArchRule nothingDependsOnTheServer = noClasses()
            .that()
            .resideOutsideOfPackage("dev.campaignstudio.server..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.campaignstudio.server..")
            .because("studio-server is the outermost ring: it wires the others, nothing wires it");

    @ArchTest
    static final ArchRule coreDependsOnNoAdapterModule = noClasses()
            .that()
            .resideInAPackage("dev.campaignstudio.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.campaignstudio.media..", "dev.campaignstudio.providers..")
            .because("core declares the capability ports; media and providers implement them");

    @ArchTest
    static final ArchRule mediaAndProvidersStayApart = noClasses()
            .that()
            .resideInAPackage("dev.campaignstudio.media..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.campaignstudio.providers..")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("dev.campaignstudio.server..")
            .because("local and remote adapters are swappable, so neither may know the other");

    @ArchTest
    static final ArchRule mediaMakesNoNetworkCalls = noClasses()
            .that()
            .resideInAPackage("dev.campaignstudio.media..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.net.http..", "org.apache.hc..", "okhttp3..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.net.HttpURLConnection")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.net.Socket")
            .because("the local adapters make media offline; remote services belong to studio-providers");

    @ArchTest
    static final ArchRule providersStayApart = noClasses()
            .that()
            .resideInAPackage("dev.campaignstudio.providers..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.campaignstudio.media..")
            .because("local and remote adapters are swappable, so neither may know the other");

    @ArchTest
    static final ArchRule restAdapterDoesNotReachIntoPersistence = noClasses()
            .that()
            .resideInAPackage("..adapter.in..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..adapter.out..")
            .because("driving adapters go through core's ports, never around them to the driven adapters");

    @ArchTest
    static final ArchRule consoleCallsCoreNotTheRestAdapter = noClasses()
            .that()
            .resideInAPackage("..adapter.in.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..adapter.in.rest..")
            .because(
                    "the console is an inbound adapter beside REST: both call core's port/in use cases, neither the other");
}
