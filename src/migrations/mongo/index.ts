// MongoDB needs no schema migrations; indexes are created by the adapter on connect.
export const migrations = []
