/** The service's handler per API method: it takes the validated request and answers the method's response. */
import type { Method, Request, Responses } from '../api/contract';

export type Handlers<K extends Method = Method> = { [M in K]: (request: Request<M>) => Promise<Responses[M]> };
