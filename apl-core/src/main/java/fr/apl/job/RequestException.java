package fr.apl.job;

/**
 * Signals a request that asks for what its inputs cannot give (an age cap whose column the supply
 * file does not have): the request, not the data, is to change.
 */
public final class RequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with what is asked and why it cannot be given.
   *
   * @param message what the request asks and why the inputs cannot give it, shown to the user
   */
  public RequestException(String message) {
    super(message);
  }
}
