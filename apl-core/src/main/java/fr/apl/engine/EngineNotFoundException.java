package fr.apl.engine;

/**
 * Says that an engine asked by name is not on the class path, or cannot start there (its
 * libraries are missing): a usage problem the command line reports in one line.
 */
public final class EngineNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is missing, and how to get it
   * @param cause the error of the class path, or null
   */
  public EngineNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
