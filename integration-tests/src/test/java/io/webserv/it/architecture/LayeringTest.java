package io.webserv.it.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static io.webserv.it.architecture.Layer.CGI;
import static io.webserv.it.architecture.Layer.CONFIG;
import static io.webserv.it.architecture.Layer.HANDLERS;
import static io.webserv.it.architecture.Layer.HANDLERS_STATUS;
import static io.webserv.it.architecture.Layer.HTTP_CODEC;
import static io.webserv.it.architecture.Layer.INTEGRATION_TESTS;
import static io.webserv.it.architecture.Layer.NET_CORE;
import static io.webserv.it.architecture.Layer.SERVER_APP;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The module layering of SPEC §7 and the package structure inside each module. */
class LayeringTest {

    private final JavaClasses classes = ProductionClasses.get();

    /**
     * Guards every other rule against passing vacuously: the import must hold production classes (the
     * codec has some from the start; modules still empty have none, or only their package-info) and
     * none of the test code.
     */
    @Test
    void importHoldsProductionClassesAndNoTestCode() {
        assertThat(classes.that(resideInAPackage(HTTP_CODEC.packages())))
                .as("classes imported from %s", HTTP_CODEC.artifact())
                .isNotEmpty();
        assertThat(classes.contain(LayeringTest.class)).as("test classes imported").isFalse();
    }

    @Test
    void modulesDependOnlyOnTheLayersBelowThem() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer(HTTP_CODEC.artifact()).definedBy(HTTP_CODEC.packages())
                .layer(NET_CORE.artifact()).definedBy(NET_CORE.packages())
                .layer(CONFIG.artifact()).definedBy(CONFIG.packages())
                .layer(HANDLERS.artifact()).definedBy(HANDLERS.packages())
                .layer(CGI.artifact()).definedBy(CGI.packages())
                .layer(HANDLERS_STATUS.artifact()).definedBy(HANDLERS_STATUS.packages())
                .layer(SERVER_APP.artifact()).definedBy(SERVER_APP.packages())
                .layer(INTEGRATION_TESTS.artifact()).definedBy(INTEGRATION_TESTS.packages())

                .whereLayer(HTTP_CODEC.artifact()).mayNotAccessAnyLayer()
                .whereLayer(NET_CORE.artifact()).mayNotAccessAnyLayer()
                .whereLayer(CONFIG.artifact()).mayOnlyAccessLayers(HTTP_CODEC.artifact())
                .whereLayer(HANDLERS.artifact()).mayOnlyAccessLayers(HTTP_CODEC.artifact(), CONFIG.artifact())
                .whereLayer(CGI.artifact()).mayOnlyAccessLayers(
                        HANDLERS.artifact(), HTTP_CODEC.artifact(), CONFIG.artifact(), NET_CORE.artifact())
                // a handler module sees what any handler sees; server-app finds it through ServiceLoader only
                .whereLayer(HANDLERS_STATUS.artifact()).mayOnlyAccessLayers(
                        HANDLERS.artifact(), HTTP_CODEC.artifact(), CONFIG.artifact())
                .whereLayer(HANDLERS_STATUS.artifact()).mayNotBeAccessedByAnyLayer()
                .whereLayer(SERVER_APP.artifact()).mayOnlyAccessLayers(
                        HTTP_CODEC.artifact(), NET_CORE.artifact(), CONFIG.artifact(), HANDLERS.artifact(),
                        CGI.artifact())
                .whereLayer(SERVER_APP.artifact()).mayNotBeAccessedByAnyLayer()
                .whereLayer(INTEGRATION_TESTS.artifact()).mayNotBeAccessedByAnyLayer()
                .because("SPEC §7 fixes which module may depend on which")
                .check(classes);
    }

    /**
     * A handler module builds on the contract every handler has (the API) and the one modules have (the
     * SPI), not on the built-in handlers, so that those can change without breaking it.
     */
    @Test
    void handlerModulesUseOnlyTheHandlerApiAndSpi() {
        noClasses().that().resideInAPackage(HANDLERS_STATUS.packages())
                .should().dependOnClassesThat(resideInAPackage(HANDLERS.packages())
                        .and(not(resideInAnyPackage("io.webserv.handlers.api..", "io.webserv.handlers.spi..")))
                        .as("handler classes outside the API and SPI"))
                .check(classes);
    }

    /** The layering rule only sees the packages it names: a module it does not know would escape it. */
    @Test
    void everyClassBelongsToAKnownModule() {
        classes().should().resideInAnyPackage(Layer.allPackages())
                .because("a new module must be added to Layer and to the layering rule before it has classes")
                .check(classes);
    }

    /**
     * A package belongs to one module: a class that declares {@code io.webserv.http..} in another
     * module's sources would pass for codec code in every rule above.
     */
    @Test
    void eachPackageIsCompiledInItsOwnModule() {
        List<ArchRule> rules = Arrays.stream(Layer.values())
                .map(layer -> classes().that().resideInAPackage(layer.packages())
                        .should(beCompiledIn(layer))
                        .allowEmptyShould(true))
                .toList();
        CompositeArchRule.of(rules).check(classes);
    }

    @Test
    void modulesAreFreeOfCycles() {
        slices().matching(ProductionClasses.ROOT_PACKAGE + ".(*)..").namingSlices("module $1")
                .should().beFreeOfCycles()
                .check(classes);
    }

    /**
     * Inside each module, the top-level packages ({@code io.webserv.http.parse}, {@code .message}, ...)
     * and the module's root package form no cycle. Deeper packages count as part of their top-level one.
     */
    @Test
    void packagesInsideEachModuleAreFreeOfCycles() {
        slices().assignedFrom(topLevelPackagesOfEachModule())
                .should().beFreeOfCycles()
                .check(classes);
    }

    /** {@code ..internal..} packages are not API: only their own module may use them. */
    @Test
    void internalPackagesAreUsedOnlyByTheirOwnModule() {
        List<ArchRule> rules = Arrays.stream(Layer.values())
                .map(layer -> noClasses()
                        .that().resideOutsideOfPackage(layer.packages())
                        .should().dependOnClassesThat().resideInAPackage(layer.packages() + "internal..")
                        .as("no classes outside " + layer.artifact() + " should depend on its internal packages")
                        .allowEmptyShould(true))
                .toList();
        CompositeArchRule.of(rules).check(classes);
    }

    /** Compiled to {@code <artifact>/target/classes} (reactor build) or packed in {@code <artifact>-<version>.jar}. */
    private static ArchCondition<JavaClass> beCompiledIn(Layer layer) {
        Pattern origin = Pattern.compile("/" + Pattern.quote(layer.artifact()) + "(/target/classes/|-[^/]*\\.jar!/)");
        return new ArchCondition<>("be compiled in module " + layer.artifact()) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String source = javaClass.getSource()
                        .map(found -> found.getUri().toString())
                        .orElse("an unknown location");
                boolean compiledThere = origin.matcher(source).find();
                events.add(new SimpleConditionEvent(javaClass, compiledThere,
                        javaClass.getName() + " comes from " + source));
            }
        };
    }

    /** io.webserv.&lt;module&gt;[.&lt;top-level package&gt;]; classes outside io.webserv are ignored. */
    private static SliceAssignment topLevelPackagesOfEachModule() {
        String prefix = ProductionClasses.ROOT_PACKAGE + ".";
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String packageName = javaClass.getPackageName();
                if (!packageName.startsWith(prefix)) {
                    return SliceIdentifier.ignore();
                }
                String[] parts = packageName.substring(prefix.length()).split("\\.");
                return SliceIdentifier.of(parts.length == 1 ? parts[0] : parts[0] + "." + parts[1]);
            }

            @Override
            public String getDescription() {
                return "the top-level packages of each module";
            }
        };
    }
}
