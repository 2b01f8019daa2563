package io.webserv.examples.net;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The point of the example: it needs net-core and the JDK, nothing else of webserv (no HTTP) and no
 * other library. The pom already keeps other modules off the compile classpath; this rule also fails if
 * one is added there and used.
 */
class UsesOnlyNetCoreTest {

    @Test
    void exampleDependsOnlyOnTheJdkAndNetCore() {
        classes().that().resideInAPackage("io.webserv.examples.net..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.webserv.net..", "io.webserv.examples.net..")
                .check(new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                        .importPackages("io.webserv.examples.net"));
    }
}
