package io.webserv.examples.codec;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The point of the example: it needs the codec and the JDK, nothing else of webserv and no other
 * library. The pom already keeps other modules off the compile classpath; this rule also fails if one
 * is added there and used.
 */
class UsesOnlyTheCodecTest {

    @Test
    void exampleDependsOnlyOnTheJdkAndTheCodec() {
        classes().that().resideInAPackage("io.webserv.examples.codec..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.webserv.http..", "io.webserv.examples.codec..")
                .check(new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                        .importPackages("io.webserv.examples.codec"));
    }
}
