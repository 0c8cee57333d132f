package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The library's module exports its API packages and not {@code fr.apl.internal}, and needs only
 * {@code java.base}: no other module (the command line among them) can reach the kernels or the
 * matrix's arrays.
 */
class ModuleBoundaryTest {

  private static ModuleDescriptor descriptorOf(Class<?> type) throws URISyntaxException {
    Path where =
        Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ModuleFinder.of(where).findAll().iterator().next().descriptor();
  }

  @Test
  void theCoreExportsItsApiAndNotItsInternals() throws URISyntaxException {
    ModuleDescriptor core = descriptorOf(fr.apl.core.Apl.class);
    assertEquals("fr.apl.core", core.name());
    Set<String> exported = new TreeSet<>();
    for (ModuleDescriptor.Exports e : core.exports()) {
      assertFalse(e.isQualified(), e.toString());
      exported.add(e.source());
    }
    Set<String> all = new TreeSet<>(core.packages());
    all.remove("fr.apl.internal");
    assertEquals(all, exported, "every package but fr.apl.internal is exported");
    assertFalse(exported.contains("fr.apl.internal"));
    Set<String> requires = new TreeSet<>();
    for (ModuleDescriptor.Requires r : core.requires()) {
      requires.add(r.name());
    }
    assertEquals(Set.of("java.base"), requires);
  }

  @Test
  void theCommandLineNeedsTheCoreProfilesGeoAndPicocli() throws URISyntaxException {
    ModuleDescriptor cli = descriptorOf(Main.class);
    assertEquals("fr.apl.cli", cli.name());
    Set<String> requires = new TreeSet<>();
    for (ModuleDescriptor.Requires r : cli.requires()) {
      requires.add(r.name());
    }
    assertEquals(
        Set.of(
            "java.base",
            "fr.apl.core",
            "fr.apl.profiles",
            "fr.apl.geo",
            "fr.apl.routing",
            "info.picocli"),
        requires);
    assertEquals(Set.of(), cli.exports());
  }
}
