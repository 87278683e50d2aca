/**
 * Odoo's exception family as the emulator raises it. Transports turn an `OdooException` into the
 * wire shape of their protocol: JSON-RPC's `error.data`, JSON-2's HTTP status + object, XML-RPC's
 * fault code. Names and HTTP statuses follow `odoo/exceptions.py` (UserError 422, AccessDenied and
 * AccessError 403, MissingError 404; anything not a UserError is a 500).
 */
export type OdooExceptionName =
  | 'odoo.exceptions.UserError'
  | 'odoo.exceptions.ValidationError'
  | 'odoo.exceptions.AccessError'
  | 'odoo.exceptions.AccessDenied'
  | 'odoo.exceptions.MissingError'
  | 'builtins.ValueError'
  | 'builtins.TypeError'
  | 'builtins.KeyError'
  | 'builtins.AttributeError'
  | 'psycopg2.errors.SerializationFailure'
  | 'psycopg2.OperationalError'
  | 'werkzeug.exceptions.NotFound'
  | 'werkzeug.exceptions.Unauthorized'
  | 'werkzeug.exceptions.UnprocessableEntity'
  | 'werkzeug.exceptions.BadRequest';

const HTTP_STATUS: Partial<Record<OdooExceptionName, number>> = {
  'odoo.exceptions.UserError': 422,
  'odoo.exceptions.ValidationError': 422,
  'odoo.exceptions.AccessError': 403,
  'odoo.exceptions.AccessDenied': 403,
  'odoo.exceptions.MissingError': 404,
  'werkzeug.exceptions.NotFound': 404,
  'werkzeug.exceptions.Unauthorized': 401,
  'werkzeug.exceptions.UnprocessableEntity': 422,
  'werkzeug.exceptions.BadRequest': 400,
};

export class OdooException extends Error {
  readonly odooName: OdooExceptionName;
  readonly httpStatus: number;

  constructor(odooName: OdooExceptionName, message: string) {
    super(message);
    this.name = 'OdooException';
    this.odooName = odooName;
    this.httpStatus = HTTP_STATUS[odooName] ?? 500;
  }

  /** Werkzeug HTTP exceptions carry `(description, code)` as arguments; Odoo's carry `(message,)`. */
  get arguments(): (string | number)[] {
    return this.odooName.startsWith('werkzeug.') ? [this.message, this.httpStatus] : [this.message];
  }

  get isUserError(): boolean {
    return this.odooName.startsWith('odoo.exceptions.');
  }
}

export const userError = (message: string) => new OdooException('odoo.exceptions.UserError', message);
export const validationError = (message: string) =>
  new OdooException('odoo.exceptions.ValidationError', message);
export const accessError = (message: string) => new OdooException('odoo.exceptions.AccessError', message);
export const accessDenied = () => new OdooException('odoo.exceptions.AccessDenied', 'Access Denied');
export const valueError = (message: string) => new OdooException('builtins.ValueError', message);
export const typeError = (message: string) => new OdooException('builtins.TypeError', message);

export function missingError(model: string, ids: number[], uid: number): OdooException {
  const list = ids.length === 1 ? `${ids[0]},` : ids.join(', ');
  return new OdooException(
    'odoo.exceptions.MissingError',
    `Record does not exist or has been deleted.\n(Record: ${model}(${list}), User: ${uid})`,
  );
}

/** Python's repr of a string, as Odoo's messages quote field and model names. */
export const pyRepr = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export const invalidField = (model: string, field: string) =>
  valueError(`Invalid field ${pyRepr(field)} on model ${pyRepr(model)}`);
