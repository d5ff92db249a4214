/** What the sample image holds: a test reads it back from storage. */
export const imageText = "not really a png";

/** Two chat samples, the second with an image as a data URL: what an upload stores, media apart. */
export const visionSamples = [
  {
    messages: [
      { role: "user" as const, content: "hi" },
      { role: "assistant" as const, content: "hello" },
    ],
  },
  {
    messages: [
      {
        role: "user" as const,
        content: [{ type: "image_url" as const, image_url: { url: `data:image/png;base64,${btoa(imageText)}` } }],
      },
      { role: "assistant" as const, content: "a picture" },
    ],
  },
];
