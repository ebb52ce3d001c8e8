/**
 * "Status, suspended first" lists each status's clients A to Z, as "active
 * first" does: status descending but names ascending, which the ascending
 * index can only give in reverse (Z to A) or through a sort of every match.
 */
export default `
CREATE INDEX clients_by_status_desc ON clients(status DESC, name_key, id);
`;
