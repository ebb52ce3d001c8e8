/** "#1f4e79" or "#1F4E79": the form the brand's colour is stored in. */
export const isColour = (value: string) => /^#[0-9a-f]{6}$/i.test(value.trim());
