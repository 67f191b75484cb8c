import { APIError } from 'payload'

/**
 * An upload refused for a reason the editor can fix. Public, so the Chinese reason reaches
 * the admin toast and REST clients instead of a generic "Something went wrong".
 */
export class UploadRejectedError extends APIError {
  constructor(message: string, status = 400) {
    super(message, status, undefined, true)
    this.name = 'UploadRejectedError'
  }
}
